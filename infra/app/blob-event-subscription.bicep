// Deployed by the azd postdeploy hook (scripts/subscribe-blob-events.sh), not by main.bicep: Event Grid validates a
// webhook when the subscription is created, and the blobs_extension system key exists only once the deployed code runs.

@description('Function app hosting the blob trigger.')
param functionAppName string

@description('Event Grid system topic on the storage account.')
param systemTopicName string

@description('Blob container whose new blobs are articles.')
param containerName string

@description('Name of the Event Grid-source blob trigger function.')
param functionName string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: '${functionName}-blob-created'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The key is read inside the deployment and stays there: Event Grid keeps the URL write-only.
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
