// Used only when the server has no GET /presets (an older server): the presets of docs/config.md with the
// ranges of its table. The server's own answer always wins.
const d = (temperature, steps = 50000) => ({ particles: 1000, steps, seed: 1, temperature, backend: 'auto' });
export const FALLBACK_PRESETS = {
  presets: [
    { name: 'miller-urey', description: 'CH4, NH3, H2O, H2 (500:400:800:300) at 298 K with electric-discharge pulses', defaults: d(298) },
    { name: 'hydrothermal', description: 'H2, H2S, CO2, H2O, NH3 (600:300:400:600:100) at 373 K with vent heat pulses', defaults: d(373) },
    { name: 'formamide', description: 'HCONH2, H2O, NH3, HCN, HCOOH (400:300:150:100:50) at 323 K with UV bond-breaking pulses', defaults: d(323) },
    { name: 'open-chemistry', description: '8 random kinds from continuous attribute ranges; discharge pulses mutate kinds', defaults: d(298) },
    { name: 'lj-fluid', description: 'one Lennard-Jones species, reduced density 0.7, T* = 1.0, NVE, no reactions (benchmark)', defaults: d(120.27235530532064, 10000) },
  ],
  fields: {
    particles: { type: 'integer', min: 1, max: 2000000, default: 1000, unit: null, description: 'Atoms the composition is scaled to' },
    steps: { type: 'integer', min: 0, max: 10000000000, default: 50000, unit: null, description: 'Time steps to run' },
    seed: { type: 'integer', min: 0, max: 9223372036854775807, default: 1, unit: null, description: 'Seed of every random number in the run' },
    temperature: { type: 'number', min: 0, max: 100000, default: 298, unit: 'K', description: 'Initial and thermostat temperature' },
    backend: { values: ['auto', 'cpu', 'simd', 'opencl', 'aparapi', 'reference'], default: 'auto', description: 'Compute backend' },
  },
};
