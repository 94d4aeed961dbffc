// MedEdu: one researcher's own instance. Storage (identity-only), a Flex Consumption Function App
// with a system-assigned identity and storage roles, Application Insights on Log Analytics, and an
// optional screening worker on a serverless GPU in Azure Container Apps, which the app calls with
// its identity's token.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names (3-11 lowercase letters or digits).')
@minLength(3)
@maxLength(11)
param appName string = 'mededu'

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Environment label, part of resource names and tags.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string = 'dev'

@description('Most Function App instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Function App instance (MB).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Deploy the GPU screening worker (Container Apps, serverless GPU). Off by default: it costs money when it runs.')
param enableGpuWorker bool = false

@description('Image of the screening worker, built from compute/MedEdu.ScreeningWorker/Dockerfile with az acr build (README); required with enableGpuWorker.')
param gpuWorkerImage string = ''

@description('Azure Container Registry (in this resource group) holding the worker image; the worker pulls it with its own identity. Empty for a public image.')
param gpuWorkerRegistryName string = ''

@description('Client id of the worker\'s Entra ID app registration (README: az ad app create); required with enableGpuWorker.')
param workerAppClientId string = ''

@description('Client id of the Entra ID app registration instructors sign in to (define an "Instructor" app role on it and assign it to instructors); empty: no sign-in, only the break-glass key.')
param instructorAppClientId string = ''

@secure()
@description('An administrator\'s break-glass instance key for the instructor routes; empty (the default): off.')
param instructorBreakGlassKey string = ''

@description('Most worker replicas (each holds one GPU while it runs).')
@minValue(1)
@maxValue(10)
param gpuWorkerMaxReplicas int = 1

@description('Serverless GPU workload profile of the worker.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfile string = 'Consumption-GPU-NC8as-T4'

var suffix = uniqueString(resourceGroup().id, appName, environmentName)
var names = {
  storage: take('st${appName}${suffix}', 24)
  plan: 'plan-${appName}-${environmentName}'
  functionApp: 'func-${appName}-${environmentName}-${suffix}'
  workspace: 'log-${appName}-${environmentName}'
  insights: 'appi-${appName}-${environmentName}'
  gpuEnvironment: 'cae-${appName}-${environmentName}'
  gpuWorker: 'ca-${appName}-gpu-${environmentName}'
}
// Stores kept resident on a worker: within the GPU's memory (T4 16 GB, A100 80 GB), the rest for buffers.
var workerStoreBudgetBytes = gpuWorkloadProfile == 'Consumption-GPU-NC24-A100' ? 64 * 1073741824 : 12 * 1073741824
var tags = {
  application: 'MedEdu'
  environment: environmentName
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    insightsName: names.insights
    location: location
    retentionDays: logRetentionDays
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    insightsConnectionString: monitoring.outputs.connectionString
    screeningWorkerUrl: enableGpuWorker ? 'https://${names.gpuWorker}.${gpuEnvironment!.outputs.defaultDomain}' : ''
    screeningWorkerAudience: enableGpuWorker ? 'api://${workerAppClientId}' : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    instructorAppClientId: instructorAppClientId
    instructorBreakGlassKey: instructorBreakGlassKey
  }
}

module storageRoles 'modules/storage-roles.bicep' = {
  name: 'storageRoles'
  params: {
    storageAccountName: storage.outputs.name
    principalId: functionApp.outputs.principalId
  }
}

module storageCors 'modules/storage-cors.bicep' = {
  name: 'storageCors'
  params: {
    storageAccountName: storage.outputs.name
    appHostName: functionApp.outputs.defaultHostName
  }
}

module gpuEnvironment 'modules/gpu-environment.bicep' = if (enableGpuWorker) {
  name: 'gpuEnvironment'
  params: {
    name: names.gpuEnvironment
    location: location
    tags: tags
    workloadProfile: gpuWorkloadProfile
    workspaceName: monitoring.outputs.workspaceName
  }
}

module gpuWorker 'modules/gpu-worker.bicep' = if (enableGpuWorker) {
  name: 'gpuWorker'
  params: {
    appName: names.gpuWorker
    location: location
    tags: tags
    environmentId: gpuEnvironment!.outputs.id
    image: gpuWorkerImage
    registryName: gpuWorkerRegistryName
    storeBudgetBytes: workerStoreBudgetBytes
    storageAccountName: storage.outputs.name
    storesContainerName: storage.outputs.storesContainerName
    workerClientId: workerAppClientId
    callerPrincipalId: functionApp.outputs.principalId
    insightsConnectionString: monitoring.outputs.connectionString
    maxReplicas: gpuWorkerMaxReplicas
  }
}

@description('Base URL of the API.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Name of the Function App (for publishing and keys).')
output functionAppName string = functionApp.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the Application Insights resource.')
output applicationInsightsName string = names.insights

@description('Name of the GPU worker container app, when deployed.')
output gpuWorkerName string = enableGpuWorker ? names.gpuWorker : ''

@description('Base URL of the GPU worker, when deployed.')
output gpuWorkerUrl string = enableGpuWorker ? gpuWorker!.outputs.url : ''
