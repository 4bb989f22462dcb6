package io.live2.compute.opencl;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

/**
 * Finds the OpenCL device to run on (a GPU if any platform has one, else the first device, e.g. PoCL's CPU
 * device) and probes it once: a platform and device exist and a tiny kernel compiles. The probe result is cached
 * for the life of the JVM.
 */
public final class OpenClDevice {
    /** What to install when there is no usable OpenCL. */
    public static final String INSTALL_HINT = "install an OpenCL driver, e.g. `apt-get install -y pocl-opencl-icd "
            + "ocl-icd-libopencl1 ocl-icd-opencl-dev` for the CPU (JOCL opens the unversioned libOpenCL.so, which on "
            + "Debian/Ubuntu only ocl-icd-opencl-dev provides), or your GPU vendor's ICD (NVIDIA, AMD ROCm, Intel "
            + "compute-runtime)";

    /** The chosen device. */
    public record Choice(cl_platform_id platform, cl_device_id device, String platformName, String deviceName,
                         boolean gpu) {
        public String describe() {
            return deviceName + " (" + platformName + (gpu ? ", GPU" : ", not a GPU") + ")";
        }
    }

    private static final Object LOCK = new Object();
    private static volatile boolean probed;
    private static Choice choice;
    private static String reason;

    private OpenClDevice() {
    }

    /** The chosen device, or null when OpenCL is not usable (see {@link #unavailableReason()}). */
    public static Choice choice() {
        probe();
        return choice;
    }

    /** Null when a platform and device were found and a tiny kernel compiled; otherwise what went wrong and what to install. */
    public static String unavailableReason() {
        probe();
        return reason;
    }

    private static void probe() {
        if (probed) {
            return;
        }
        synchronized (LOCK) {
            if (probed) {
                return;
            }
            try {
                Choice c = select();
                if (c == null) {
                    reason = "no OpenCL platform found: " + INSTALL_HINT;
                } else {
                    String compile = compileProbe(c);
                    if (compile == null) {
                        choice = c;
                    } else {
                        reason = "OpenCL device " + c.describe() + " cannot compile a kernel (" + compile + "): "
                                + INSTALL_HINT;
                    }
                }
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                reason = "the OpenCL library could not be loaded (" + e.getMessage() + "): " + INSTALL_HINT;
            } catch (CLException e) {
                reason = "no OpenCL platform found (" + e.getMessage() + "): " + INSTALL_HINT;
            } catch (RuntimeException e) {
                reason = "OpenCL probe failed (" + e + "): " + INSTALL_HINT;
            }
            probed = true;
        }
    }

    private static Choice select() {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        try {
            CL.clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            return null; // CL_PLATFORM_NOT_FOUND_KHR from the ICD loader: no driver installed
        }
        if (count[0] == 0) {
            return null;
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        CL.clGetPlatformIDs(platforms.length, platforms, null);
        Choice first = null;
        for (cl_platform_id p : platforms) {
            int[] nd = new int[1];
            try {
                CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
            } catch (CLException e) {
                if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                    continue;
                }
                throw e;
            }
            cl_device_id[] devices = new cl_device_id[nd[0]];
            CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
            for (cl_device_id d : devices) {
                long[] type = new long[1];
                CL.clGetDeviceInfo(d, CL_DEVICE_TYPE, Sizeof.cl_long, Pointer.to(type), null);
                boolean gpu = (type[0] & CL_DEVICE_TYPE_GPU) != 0;
                Choice c = new Choice(p, d, platformString(p), deviceString(d), gpu);
                if (gpu) {
                    return c;
                }
                if (first == null) {
                    first = c;
                }
            }
        }
        return first;
    }

    private static String compileProbe(Choice c) {
        cl_context ctx = context(c);
        try {
            String src = "__kernel void probe(__global float* a) { a[get_global_id(0)] += 1.0f; }";
            cl_program prog = build(ctx, c, src, "");
            CL.clReleaseProgram(prog);
            return null;
        } catch (CLException e) {
            return e.getMessage();
        } finally {
            CL.clReleaseContext(ctx);
        }
    }

    static cl_context context(Choice c) {
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, c.platform());
        return CL.clCreateContext(props, 1, new cl_device_id[] {c.device()}, null, null, null);
    }

    static cl_program build(cl_context ctx, Choice c, String source, String options) {
        cl_program prog = CL.clCreateProgramWithSource(ctx, 1, new String[] {source}, null, null);
        try {
            CL.clBuildProgram(prog, 1, new cl_device_id[] {c.device()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(prog, c.device());
            CL.clReleaseProgram(prog);
            throw new CLException(e.getMessage() + ": " + log, e.getStatus());
        }
        return prog;
    }

    static String kernelSource() {
        try (InputStream in = OpenClDevice.class.getResourceAsStream("md2d.cl")) {
            if (in == null) {
                throw new IllegalStateException("kernel resource md2d.cl is missing from the compute-opencl jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String buildLog(cl_program prog, cl_device_id d) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(prog, d, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(prog, d, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String deviceString(cl_device_id d) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, CL_DEVICE_NAME, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, CL_DEVICE_NAME, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String platformString(cl_platform_id p) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(p, CL_PLATFORM_NAME, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetPlatformInfo(p, CL_PLATFORM_NAME, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8).trim();
    }
}
