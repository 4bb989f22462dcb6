/** The compute contract and the built-in CPU backends (scalar reference, multi-threaded). */
module io.live2.compute {
    requires transitive io.live2.model;
    exports io.live2.compute;
    exports io.live2.compute.kernels;
    uses io.live2.compute.ComputeBackendProvider;
    provides io.live2.compute.ComputeBackendProvider with
            io.live2.compute.cpu.ReferenceBackendProvider,
            io.live2.compute.cpu.ThreadedBackendProvider;
}
