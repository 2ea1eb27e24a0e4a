import type * as MonacoApi from 'monaco-editor/editor';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;

/**
 * Monaco, fetched on first use (about 1 MB: far past the first-load budget). Only the plain
 * editor worker is needed: YAML and INI are Monarch tokenizers running on the page, and the
 * cloud-config diagnostics come from our own validator, not from a language worker.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [monaco, worker] = await Promise.all([
      import('monaco-editor/editor'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/definitions/yaml/register'),
      import('monaco-editor/languages/definitions/ini/register'),
      // A small set of editor features: hovers show a finding's message, F8 walks the findings.
      import('monaco-editor/features/hover/register'),
      import('monaco-editor/features/gotoError/register'),
      import('monaco-editor/features/find/register'),
      import('monaco-editor/features/folding/register'),
      import('monaco-editor/features/comment/register'),
      import('monaco-editor/features/bracketMatching/register'),
      import('monaco-editor/features/clipboard/register'),
      import('monaco-editor/features/contextmenu/register'),
      import('monaco-editor/features/wordOperations/register'),
    ]);
    const Worker = worker.default;
    self.MonacoEnvironment = { getWorker: () => new Worker() };
    defineThemes(monaco);
    return monaco;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Editor colours that sit with the page's dark and light themes (app.css). */
function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme('playground-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#0a0e13',
      'editor.foreground': '#d7dee6',
      'editorLineNumber.foreground': '#4f5b68',
      'editorLineNumber.activeForeground': '#9aa8b6',
      'editor.lineHighlightBackground': '#131a23',
      'editorCursor.foreground': '#f5b942',
    },
  });
  monaco.editor.defineTheme('playground-light', {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#ffffff', 'editorCursor.foreground': '#0969da' },
  });
}
