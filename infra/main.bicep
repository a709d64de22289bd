targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; with the subscription and location it seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID), granted blob upload; empty to skip.')
param principalId string = ''

@description('Origins (https://host) of dashboards hosted elsewhere that may call the API from a browser.')
param allowedOrigins array = []

@description('Client ID of a Microsoft Entra ID app registration to sign people in with in front of the dashboard and API; empty (the default) leaves sign-in off.')
param entraClientId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// The storage names Core defaults to (IngestionOptions); the app settings repeat them so the two cannot drift apart.
var storageNames = {
  articlesContainer: 'articles'
  parseQueue: 'articles-to-parse'
  deletedQueue: 'articles-deleted'
  eventsTable: 'Events'
  articlesTable: 'Articles'
  eventIndexTable: 'EventIndex'
  actorsTable: 'Actors'
  mergedEventsTable: 'MergedEvents'
  deploymentContainer: 'app-package'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-ingestion-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containers: [
      storageNames.articlesContainer
      storageNames.deploymentContainer
    ]
    queues: [
      storageNames.parseQueue
      storageNames.deletedQueue
    ]
    tables: [
      storageNames.eventsTable
      storageNames.articlesTable
      storageNames.eventIndexTable
      storageNames.actorsTable
      storageNames.mergedEventsTable
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  // The host connects to storage at start-up: the roles come first.
  dependsOn: [
    rbac
  ]
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'ingestion'
    allowedOrigins: allowedOrigins
    entraClientId: entraClientId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storageNames.deploymentContainer
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    containerName: storageNames.articlesContainer
    parseQueueName: storageNames.parseQueue
    deletedQueueName: storageNames.deletedQueue
    eventsTableName: storageNames.eventsTable
    articlesTableName: storageNames.articlesTable
    eventIndexTableName: storageNames.eventIndexTable
    actorsTableName: storageNames.actorsTable
    mergedEventsTableName: storageNames.mergedEventsTable
  }
}

module eventGrid 'app/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    containerName: storageNames.articlesContainer
    deletedQueueName: storageNames.deletedQueue
  }
}

// Read by azd and by the postdeploy hook that subscribes the blob trigger to the system topic.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functions.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output ARTICLES_CONTAINER_NAME string = storageNames.articlesContainer
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output BLOB_TRIGGER_FUNCTION_NAME string = 'ReceiveArticle'
