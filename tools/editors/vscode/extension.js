// The edict extension for VS Code: the TextMate grammar (syntaxes/) colours
// the text; this file starts the edict language server (`edict lsp`, over
// standard input and output) for every .edict file and connects it to the
// editor through vscode-languageclient. The server is edict's own C++
// (editor/lsp in the repository); nothing of the language is here.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('edict');
  const command = settings.get('server.path', 'edict');
  // TransportKind.stdio: the client adds `--stdio`, which `edict lsp` accepts.
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'edict',
    'edict',
    { run, debug: run },
    {
      documentSelector: [{ scheme: 'file', language: 'edict' }],
      synchronize: {
        // Tables and extended rulesets changed outside the editor.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{edict,csv,tsv,txt}'),
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `edict: cannot start the language server \`${command} lsp\` (${error.message}). ` +
        'Set `edict.server.path` to the edict program.',
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
