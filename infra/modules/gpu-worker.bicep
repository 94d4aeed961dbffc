// The screening worker (compute/MedEdu.ScreeningWorker) on a serverless GPU: scales to zero, reads
// the stores with its own identity (Storage Blob Data Reader on the stores' container only), and
// answers only callers with an Entra ID token for its app registration, from the Function App's
// identity: the platform refuses the rest (401) before the container sees them, and the worker
// validates the token again.

@description('Container app name.')
param appName string

@description('Region.')
param location string

@description('Resource tags.')
param tags object

@description('Container Apps environment id (with the "gpu" workload profile).')
param environmentId string

@description('Worker image, e.g. <registry>.azurecr.io/mededu-screening-worker:1 (README: az acr build).')
param image string

@description('Azure Container Registry in this resource group the image is pulled from with the worker\'s identity; empty for a public image.')
param registryName string

@description('Bytes of stores the worker keeps resident (within the GPU\'s memory).')
param storeBudgetBytes int

@description('Storage account holding the stores.')
param storageAccountName string

@description('Blob container of the stores.')
param storesContainerName string

@description('Client id of the worker\'s Entra ID app registration (the tokens\' audience).')
param workerClientId string

@description('Principal id of the Function App\'s identity: the one caller allowed.')
param callerPrincipalId string

@description('Application Insights connection string for the worker\'s telemetry.')
param insightsConnectionString string

@description('Most replicas.')
param maxReplicas int

var roles = {
  blobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
}

// A user-assigned identity exists before the app, so its roles are in place when the first replica pulls and reads.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}'
  location: location
  tags: tags
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource stores 'containers' existing = {
      name: storesContainerName
    }
  }
}

resource storesReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobs::stores.id, identity.id, roles.blobDataReader)
  scope: account::blobs::stores
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataReader)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryName)) {
  name: empty(registryName) ? 'unused' : registryName
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  name: guid(resourceGroup().id, registryName, identity.id, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    storesReader
    pull
  ]
  properties: {
    environmentId: environmentId
    workloadProfileName: 'gpu'
    configuration: {
      // External, so the Function App (outside the environment's network) can reach it; the
      // authentication below is what restricts it.
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryName) ? [] : [
        {
          server: '${registryName}.azurecr.io'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'screening'
          image: image
          env: [
            {
              name: 'Screening__Accelerator'
              value: 'auto'
            }
            {
              name: 'Worker__Storage__AccountName'
              value: storageAccountName
            }
            {
              name: 'AZURE_CLIENT_ID'
              value: identity.properties.clientId
            }
            {
              name: 'Worker__StoreBudgetBytes'
              value: string(storeBudgetBytes)
            }
            {
              name: 'Worker__Entra__TenantId'
              value: tenant().tenantId
            }
            {
              name: 'Worker__Entra__ClientId'
              value: workerClientId
            }
            {
              name: 'Worker__Entra__AllowedCallers__0'
              value: callerPrincipalId
            }
            {
              name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
              value: insightsConnectionString
            }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 8080
              }
            }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
      }
    }
  }
}

// Container Apps authentication: only tokens for the worker's app registration, from the Function
// App's identity; everything else gets 401 from the platform.
resource auth 'Microsoft.App/containerApps/authConfigs@2024-03-01' = {
  parent: worker
  name: 'current'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        '/healthz'
        '/readyz'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: workerClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            workerClientId
            'api://${workerClientId}'
          ]
          defaultAuthorizationPolicy: {
            allowedPrincipals: {
              identities: [
                callerPrincipalId
              ]
            }
          }
        }
      }
    }
  }
}

@description('Base URL of the worker.')
output url string = 'https://${worker.properties.configuration.ingress.fqdn}'
