// The runtime-compiler build of Vue has the same API (and types) as 'vue'.
declare module 'vue/dist/vue.esm-bundler.js' {
  export * from 'vue';
}
