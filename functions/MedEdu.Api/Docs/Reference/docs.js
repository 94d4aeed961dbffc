// Renders the API's OpenAPI document with Scalar (loaded before this file from the same origin).
/* global Scalar */
Scalar.createApiReference('#reference', {
  url: new URL('../openapi.json', window.location.href).pathname,
  withDefaultFonts: false,
  showDeveloperTools: 'never',
  hideClientButton: true,
  telemetry: false,
});
