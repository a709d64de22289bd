@description('Event Grid system topic name.')
param name string

param location string = resourceGroup().location
param tags object = {}

@description('Storage account whose blob events the topic publishes.')
param storageAccountName string

@description('Blob container whose blobs are articles.')
param containerName string

@description('Queue in the same account that receives the container\'s BlobDeleted events.')
param deletedQueueName string

// Built-in role: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageQueueDataMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource deletedQueue 'queues' existing = {
      name: deletedQueueName
    }
  }
}

// The BlobCreated subscription is deployed after the code (blob-event-subscription.bicep): see infra/README.md.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // Delivers BlobDeleted to the queue as itself: the account accepts no shared keys.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// May add messages to the deleted-blobs queue, and nothing else.
resource deletedQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueService::deletedQueue.id, systemTopic.id, storageQueueDataMessageSenderRoleId)
  scope: storage::queueService::deletedQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataMessageSenderRoleId)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'Storage Queue Data Message Sender'
  }
}

// A queue needs no validation handshake or key, so unlike BlobCreated this subscription is made with the rest.
resource blobDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'RemoveDeletedArticle-blob-deleted'
  dependsOn: [
    deletedQueueSender
  ]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: deletedQueueName
          // Never expire: a deletion left unprocessed would leave the article's events behind.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = systemTopic.name
