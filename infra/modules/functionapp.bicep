@description('Flex Consumption plan name.')
param planName string

@description('Function App name.')
param appName string

@description('Region.')
param location string

@description('Resource tags.')
param tags object

@description('Storage account the app uses through its identity.')
param storageAccountName string

@description('Blob container URL the app package is deployed from.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param insightsConnectionString string

@description('Base URL of the screening worker; empty: every search runs in the app.')
param screeningWorkerUrl string

@description('Entra ID application id URI of the screening worker (the audience of the tokens the app sends it); empty without a worker.')
param screeningWorkerAudience string

@description('Client id of the app registration instructors sign in to with Entra ID (its "Instructor" app role grants the instructor routes); empty leaves sign-in off.')
param instructorAppClientId string

@secure()
@description('An administrator\'s break-glass instance key (header x-functions-key); empty: off.')
param instructorBreakGlassKey string

@description('Most instances.')
param maximumInstanceCount int

@description('Memory per instance (MB).')
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// The settings MedEdu reads; the same list is MedEdu.Pipeline's AppSettingNames (a test compares them).
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
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
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insightsConnectionString
        }
        {
          name: 'MedEdu__AllowLoopbackSources'
          value: 'false'
        }
        {
          name: 'Screening__Accelerator'
          value: 'auto'
        }
        {
          name: 'Screening__WorkerUrl'
          value: screeningWorkerUrl
        }
        {
          name: 'Screening__WorkerAudience'
          value: screeningWorkerAudience
        }
        {
          name: 'MedEdu__AppServiceAuthentication'
          value: empty(instructorAppClientId) ? 'false' : 'true'
        }
        {
          name: 'MedEdu__InstructorRole'
          value: 'Instructor'
        }
        {
          name: 'MedEdu__InstructorKey'
          value: instructorBreakGlassKey
        }
        {
          // The platform's front ends connect to the worker, so the caller's address is the last
          // entry they append to X-Forwarded-For: the rate limits key on it.
          name: 'MedEdu__Limits__ClientAddressHeader'
          value: 'X-Forwarded-For'
        }
      ]
    }
  }
}

// Instructors sign in with Entra ID; students stay anonymous (their class token is checked by the
// app), so unauthenticated requests pass and the app reads the principal header only when present.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(instructorAppClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: instructorAppClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            instructorAppClientId
            'api://${instructorAppClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

@description('Function App name.')
output name string = site.name

@description('Host name.')
output defaultHostName string = site.properties.defaultHostName

@description('Principal id of the system-assigned identity.')
output principalId string = site.identity.principalId
