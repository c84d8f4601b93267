import type { CSSProperties } from 'react';

const cell: CSSProperties = { textAlign: 'left', verticalAlign: 'top', padding: '6px 12px 6px 0' };

/**
 * A table of event definitions, rendered from the same objects in @flinks-embed/core that the
 * `KnownStep` and `KnownFlinksCode` types are derived from: the reference cannot drift from them.
 */
export function DefinitionTable({
  definitions,
  column,
  caption,
}: {
  definitions: Readonly<Record<string, string>>;
  column: string;
  caption: string;
}) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: 8 }}>
        {caption} ({Object.keys(definitions).length})
      </caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            {column}
          </th>
          <th scope="col" style={cell}>
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(definitions).map(([name, meaning]) => (
          <tr key={name} id={name}>
            <th scope="row" style={cell}>
              <code>{name}</code>
            </th>
            <td style={cell}>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
