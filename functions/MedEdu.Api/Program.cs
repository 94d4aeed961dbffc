using MedEdu.Api.OpenApi;

// The build runs `--write-openapi <path>`: the document from the API's definition, without a server or storage.
if (args is not ["--write-openapi", var path])
{
    Console.Error.WriteLine("usage: MedEdu.Api --write-openapi <path>   (the hosts are MedEdu.LocalHost and MedEdu.Functions)");
    return 2;
}

bool changed = await ApiDocumentation.WriteAsync(path);
Console.WriteLine(changed ? $"OpenAPI document written to {path}" : $"OpenAPI document unchanged ({path})");
return 0;
