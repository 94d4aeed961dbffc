@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights name.')
param insightsName string

@description('Region.')
param location string

@description('Days logs are kept.')
param retentionDays int

@description('Resource tags.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

@description('Application Insights connection string (not a secret: it only allows sending telemetry).')
output connectionString string = insights.properties.ConnectionString

@description('Workspace name.')
output workspaceName string = workspace.name
