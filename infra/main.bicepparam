using 'main.bicep'

// A development deployment: small, scales to zero, no GPU worker.
param appName = 'mededu'
param environmentName = 'dev'
param maximumInstanceCount = 10
param instanceMemoryMB = 2048
param logRetentionDays = 30
param enableGpuWorker = false
