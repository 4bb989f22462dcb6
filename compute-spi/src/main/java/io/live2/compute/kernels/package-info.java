/**
 * Building blocks shared by every CPU backend (the built-in "cpu" and "reference", and compute-simd): the worker
 * pool, the fixed atom blocks and their ordered reductions, the per-atom bonded terms, the integrator loops and
 * their pooled block tasks ({@link io.live2.compute.kernels.PooledIntegrator}), and the visit of listed pairs
 * ({@link io.live2.compute.kernels.PairsWithin}).
 * Exported so that other backend modules call this exact arithmetic instead of copying it: bit-identity across the
 * CPU backends depends on it.
 */
package io.live2.compute.kernels;
