// Lets the web page, served by the Function App, PUT uploads straight to Blob storage with the
// write-only URL POST /api/uploads hands out (the valet-key pattern). Deployed after the app,
// whose host name it needs.

@description('Storage account name.')
param storageAccountName string

@description('Host name of the Function App serving the page.')
param appHostName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    cors: {
      corsRules: [
        {
          allowedOrigins: [
            'https://${appHostName}'
          ]
          allowedMethods: [
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            '*'
          ]
          exposedHeaders: [
            '*'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}
