/** One line of the reliability table: a figure, what was measured, its target, and whether it held. */
export interface FigureRow {
  figure: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean;
}

export type ReliabilitySuite = () => Promise<FigureRow[]>;
