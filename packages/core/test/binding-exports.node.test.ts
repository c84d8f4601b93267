// The bindings re-export what an app needs from core, so an app imports one package. They must
// re-export the same names: this is the one list, and each binding's entry is checked against it
// (read by the TypeScript checker, types and values alike), so the two cannot drift.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Everything an app of either binding imports from core through the binding's own package. */
const FROM_CORE = [
  // Values: the error class for `instanceof` and its guard, the landing page reader, the steps,
  // the typed step guard, and what each step and Flinks code means.
  'FlinksConnectError',
  'isFlinksConnectError',
  'prefetchAuthorizeToken',
  'readConnectRedirect',
  'TOKEN_SPENDING_STEPS',
  'isStep',
  'STEP_DEFINITIONS',
  'FLINKS_CODE_DEFINITIONS',
  // Connect parameters the library does not know, passed on purpose.
  'unknownParams',
  'UnknownConnectParams',
  // The types the callbacks, the fetcher and the options are written against.
  'AuthorizeTokenOptions',
  'AuthorizeTokenResponse',
  'ConnectErrorEvent',
  'ConnectEvent',
  'ConnectParams',
  'ConnectStatus',
  'ConnectStepEvent',
  'ErrorFallbackProps',
  'FetchAuthorizeToken',
  'FlinksConnectErrorCode',
  'FlinksConnectLabels',
  'InitialToken',
  'InvalidMessageInfo',
  'KnownFlinksCode',
  'KnownStep',
  'PopupBlockedNoticeProps',
  'RedirectDetails',
  'RefusedMessageReason',
  'RetryOptions',
  'TokenRequestContext',
  'TokenRequestReason',
].sort();

const entry = (binding: string) => fileURLToPath(new URL(`../../${binding}/src/index.ts`, import.meta.url));
const coreSource = fileURLToPath(new URL('../src/', import.meta.url));

/** The names a binding's entry exports whose declaration is in core. */
function reexportedFromCore(file: string): string[] {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@flinks-embed/source'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.declarations?.some((declaration) =>
        declaration.getSourceFile().fileName.startsWith(coreSource.replaceAll('\\', '/')),
      );
    })
    .map((symbol) => symbol.name)
    .sort();
}

describe('what the bindings re-export from core', () => {
  it.each(['react', 'element'])('@flinks-embed/%s re-exports exactly the one list', (binding) => {
    expect(reexportedFromCore(entry(binding))).toEqual(FROM_CORE);
  });
});
