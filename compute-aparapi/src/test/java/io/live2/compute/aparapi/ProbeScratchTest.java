package io.live2.compute.aparapi;

import com.aparapi.Kernel;
import com.aparapi.Range;
import org.junit.jupiter.api.Test;

class ProbeScratchTest {
    static final class Twice extends Kernel {
        final float[] a = new float[64];
        final float[] b = new float[64];
        @Override public void run() { int i = getGlobalId(); b[i] = a[i] * 2f; }
    }
    @Test void probe() {
        Twice k = new Twice();
        for (int i = 0; i < 64; i++) k.a[i] = i;
        k.execute(Range.create(64));
        System.out.println("mode=" + k.getExecutionMode() + " runningCL=" + k.isRunningCL() + " device=" + k.getTargetDevice() + " b[5]=" + k.b[5]);
        System.out.println("profile " + k.getProfileInfo());
    }
}
