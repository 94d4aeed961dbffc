@description('Container Apps environment name.')
param name string

@description('Region (must offer serverless GPUs).')
param location string

@description('Resource tags.')
param tags object

@description('Serverless GPU workload profile type.')
param workloadProfile string

@description('Log Analytics workspace for the environment\'s logs.')
param workspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
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

@description('Environment resource id.')
output id string = environment.id

@description('The environment\'s DNS suffix: an app\'s URL is https://<app>.<defaultDomain>.')
output defaultDomain string = environment.properties.defaultDomain
