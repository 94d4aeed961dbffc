namespace MedEdu.Compute.Screening;

/// <summary>A way of running similarity searches: the SIMD CPU path, or ILGPU on CUDA, OpenCL or its CPU accelerator.</summary>
public interface ISimilarityEngine : IDisposable
{
    /// <summary>Short engine name: simd, ilgpu-cuda, ilgpu-opencl, ilgpu-cpu or reference.</summary>
    string Name { get; }

    /// <summary>The device it runs on, in words.</summary>
    string Device { get; }

    /// <summary>Runs a top-k or threshold search of every query against the store.</summary>
    ScreeningResult Search(FingerprintStore store, ScreeningRequest request);

    /// <summary>
    /// Frees what the engine keeps for <paramref name="store"/> (a GPU engine's resident copy), so a
    /// cache that drops the store gets its device memory back now rather than at the next collection.
    /// </summary>
    void Release(FingerprintStore store)
    {
    }
}
