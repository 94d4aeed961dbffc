@description('Container Apps environment name.')
param environmentName string

@description('Container app name.')
param appName string

@description('Region (must offer serverless GPUs).')
param location string

@description('Resource tags.')
param tags object

@description('Worker image.')
param image string

@description('Serverless GPU workload profile type.')
param workloadProfile string

@description('Log Analytics workspace for the environment\'s logs.')
param workspaceName string

@description('Storage account holding the fingerprint stores.')
param storageAccountName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: 'gpu'
        workloadProfileType: workloadProfile
      }
    ]
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'gpu'
    configuration: {
      ingress: {
        external: false
        targetPort: 8080
        transport: 'http'
      }
    }
    template: {
      containers: [
        {
          name: 'screening'
          image: image
          env: [
            {
              name: 'Screening__Accelerator'
              value: 'cuda'
            }
            {
              name: 'AzureWebJobsStorage__accountName'
              value: storageAccountName
            }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: 1
      }
    }
  }
}

module roles 'storage-roles.bicep' = {
  name: 'gpuWorkerStorageRoles'
  params: {
    storageAccountName: storageAccountName
    principalId: worker.identity.principalId
  }
}
