// The one place naming Alpine's WebJar version: every module imports Alpine from here, so all share one instance.
// The ES module build (not cdn.min.js) lets main.js register components and stores before Alpine.start().
export { default as Alpine } from '/webjars/alpinejs/3.15.8/dist/module.esm.min.js';
