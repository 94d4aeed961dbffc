using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator emits kernel tasks into a dynamic assembly that must see internal kernel types.
[assembly: InternalsVisibleTo("ILGPURuntime")]
[assembly: InternalsVisibleTo("MedEdu.Compute.Tests")]
