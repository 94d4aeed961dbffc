namespace MedEdu.Compute.Screening;

/// <summary>
/// Chooses the engine from configuration (<c>Screening:Accelerator</c> = auto|cuda|opencl|cpu|simd).
/// auto, with a CUDA GPU (else an OpenCL device), sends each search to the GPU only from
/// <see cref="AutoEngine.DefaultCrossoverComparisons"/> compounds × queries and to the pruned SIMD
/// engine below that; with no GPU it is the SIMD engine, which is faster than ILGPU's CPU
/// accelerator, an emulator kept for testing the kernels.
/// </summary>
public static class ScreeningEngines
{
    /// <summary>Accepted values of the accelerator setting.</summary>
    public static IReadOnlyList<string> Choices { get; } = ["auto", "cuda", "opencl", "cpu", "simd"];

    /// <summary>Creates the engine named by <paramref name="accelerator"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name, or the named device is not present.</exception>
    public static ISimilarityEngine Create(string? accelerator = "auto")
    {
        string choice = (accelerator ?? "auto").Trim().ToLowerInvariant();
        return choice switch
        {
            "simd" => new SimdCpuEngine(),
            "cpu" => IlgpuEngine.TryCreate(IlgpuTarget.Cpu) ?? throw new ArgumentException("ILGPU's CPU accelerator could not be created"),
            "cuda" => IlgpuEngine.TryCreate(IlgpuTarget.Cuda) ?? throw new ArgumentException("no CUDA device is available (Screening:Accelerator=cuda)"),
            "opencl" => IlgpuEngine.TryCreate(IlgpuTarget.OpenCL) ?? throw new ArgumentException("no OpenCL device is available (Screening:Accelerator=opencl)"),
            "auto" => (IlgpuEngine.TryCreate(IlgpuTarget.Cuda) ?? IlgpuEngine.TryCreate(IlgpuTarget.OpenCL)) is { } gpu
                ? new AutoEngine(gpu, new SimdCpuEngine())
                : new SimdCpuEngine(),
            _ => throw new ArgumentException($"unknown accelerator '{accelerator}'; use one of: {string.Join(", ", Choices)}"),
        };
    }
}
