// Placeholder until the job page lands: the shell imports these two entry points.
// renderJobPage(el, ctx, jobId) returns a cleanup function; renderLiveViewBench(el, params) likewise.
export function renderJobPage(el, ctx, jobId) {
  el.textContent = `Job ${jobId}`;
  return () => {};
}

export function renderLiveViewBench(el) {
  el.textContent = 'live view benchmark';
  return () => {};
}
