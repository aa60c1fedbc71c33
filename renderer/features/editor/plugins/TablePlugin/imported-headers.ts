import { $isTableCellNode, $isTableNode, $isTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $isElementNode, type LexicalNode } from 'lexical';

/**
 * Lexical reads a `<th>` in the first column as a column header too, so the first cell of an
 * imported header row would become both. A table whose other rows start with `<td>` has a header
 * row only: that cell is made a row header again.
 */
export function $headerRowOnly(nodes: LexicalNode[]) {
  for (const node of nodes) {
    if ($isTableNode(node)) {
      const rows = node.getChildren().filter($isTableRowNode);
      const firstCells = rows.map((row) => row.getFirstChild()).filter($isTableCellNode);
      const columnHeader = firstCells
        .slice(1)
        .some((cell) => cell.hasHeaderState(TableCellHeaderStates.COLUMN));
      const corner = firstCells[0];
      if (corner && !columnHeader && corner.hasHeaderState(TableCellHeaderStates.COLUMN)) {
        corner.setHeaderStyles(TableCellHeaderStates.ROW, TableCellHeaderStates.BOTH);
      }
    } else if ($isElementNode(node)) $headerRowOnly(node.getChildren());
  }
}
