@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

param location string = resourceGroup().location
param tags object = {}

@description('azd service name, tagged on the app so `azd deploy` finds it.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, for identity-based connections.')
param identityClientId string

@description('Storage account holding the articles, queues, tables and the deployment package.')
param storageAccountName string

@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

param applicationInsightsName string

@description('Client ID of a Microsoft Entra ID app registration: when set, App Service authentication signs people in with Entra ID in front of the dashboard and the API (function keys are still required). Empty: off.')
param entraClientId string = ''

@description('The Entra ID tenant that signs people in.')
param entraTenantId string = subscription().tenantId

@description('Names of the storage resources Core uses: the Ingestion configuration section.')
param containerName string
param parseQueueName string
@description('Queue Event Grid delivers the container\'s BlobDeleted events to.')
param deletedQueueName string
param eventsTableName string
param articlesTableName string
@description('Origins (https://host) whose pages may call the API from a browser; the dashboard served by the app itself needs none.')
param allowedOrigins array = []
@description('The table of event copies by article, actor, location, country and type, and per-day counts.')
param eventIndexTableName string
@description('The table of actors: identities, aliases, event counts and each article\'s contribution to them.')
param actorsTableName string
@description('The table of events merged across their mentions: one row per happening, each article\'s share of it, each article\'s listing.')
param mergedEventsTableName string

@description('Scale-out ceiling; parsing is CPU-bound, so instances rather than concurrency per instance.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: allowedOrigins
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    // Names as in Ingestion.Core's IngestionSettingNames, with __ for the configuration separator.
    properties: {
      Ingestion__ContainerName: containerName
      Ingestion__ParseQueueName: parseQueueName
      Ingestion__DeletedQueueName: deletedQueueName
      Ingestion__EventsTableName: eventsTableName
      Ingestion__ArticlesTableName: articlesTableName
      Ingestion__EventIndexTableName: eventIndexTableName
      Ingestion__ActorsTableName: actorsTableName
      Ingestion__MergedEventsTableName: mergedEventsTableName
      // Identity-based AzureWebJobsStorage: the host, the triggers and Core's clients share this one connection.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      // Not a secret: the component accepts only Entra tokens, which the identity below obtains.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }

  // Built-in authentication (Easy Auth) in front of every route: a browser is sent to the Entra sign-in page, an API
  // client without a token gets 401. ID tokens only, so no client secret is stored (see infra/README.md).
  resource authSettings 'config' = if (!empty(entraClientId)) {
    name: 'authsettingsV2'
    properties: {
      platform: {
        enabled: true
      }
      globalValidation: {
        requireAuthentication: true
        unauthenticatedClientAction: 'RedirectToLoginPage'
        redirectToProvider: 'azureactivedirectory'
      }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: entraClientId
            openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          }
          validation: {
            allowedAudiences: [
              entraClientId
              'api://${entraClientId}'
            ]
          }
        }
      }
      httpSettings: {
        requireHttps: true
      }
    }
  }

  // Deployments go through Entra-authenticated publishing; no basic-auth FTP or SCM credentials.
  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
