/**
 * OpenCL compute backend through JOCL: float32 structure-of-arrays kernels for neighbour search, forces and
 * integration; reactive events stay on the host. JOCL's jar has no Automatic-Module-Name, so its automatic
 * module name is derived from the file name: {@code jocl}.
 */
module io.live2.compute.opencl {
    requires io.live2.compute;
    requires jocl;
    provides io.live2.compute.ComputeBackendProvider with io.live2.compute.opencl.OpenClBackendProvider;
}
