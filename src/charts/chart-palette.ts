/**
 * Okabe and Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), without its yellow,
 * which vanishes on white. Seven colours for a rubric's seven dimensions at most
 * (RUBRIC_LIMITS.dimensions); each line also gets its own point shape and dash, so no reader has
 * to tell lines apart by colour alone.
 */
export const LINE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000'];

export const POINT_STYLES = [
  'circle',
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
  'rectRounded',
] as const;

export const LINE_DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2]];

export const BAR_COLOURS = { held: '#0072B2', withNoShow: '#E69F00' };

export const TEXT_COLOUR = '#222222';
export const GRID_COLOUR = '#dddddd';
