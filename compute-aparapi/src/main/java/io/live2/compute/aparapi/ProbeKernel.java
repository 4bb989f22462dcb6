package io.live2.compute.aparapi;

import com.aparapi.Kernel;

/** The availability probe: b[i] = a[i] * 2 + i, small enough for any OpenCL device. */
final class ProbeKernel extends Kernel {
    final float[] a = new float[64];
    final float[] b = new float[64];

    @Override
    public void run() {
        int i = getGlobalId();
        b[i] = a[i] * 2f + i;
    }
}
