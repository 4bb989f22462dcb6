/** The "simd" compute backend: the CPU backend's pair kernel on the JDK Vector API (an incubator module). */
module io.live2.compute.simd {
    requires io.live2.compute;
    requires jdk.incubator.vector;
    provides io.live2.compute.ComputeBackendProvider with io.live2.compute.simd.SimdBackendProvider;
}
