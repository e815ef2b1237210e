// Starts `irqlab lsp` (the launcher picks a suitable JDK) for .irqlab files.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = async (context) => {
  const settings = vscode.workspace.getConfiguration('irqlab');
  client = new LanguageClient('irqlab', 'IrqLab',
    { command: settings.get('launcher', 'irqlab'), args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'irqlab' }],
      initializationOptions: { inlayHints: settings.get('inlayHints', true) },
    });
  context.subscriptions.push(client);
  await client.start();
};

exports.deactivate = () => (client ? client.stop() : undefined);
