/**
 * The Aparapi (OpenCL) backend. Aparapi 3.0.2 ships no module descriptor and no Automatic-Module-Name, so it is
 * the automatic module "aparapi" (from the jar name); Aparapi reads kernel fields by reflection, hence the opens.
 */
module io.live2.compute.aparapi {
    requires io.live2.compute;
    requires aparapi;
    opens io.live2.compute.aparapi to aparapi;
    provides io.live2.compute.ComputeBackendProvider with io.live2.compute.aparapi.AparapiBackendProvider;
}
