import type { Mf2Properties } from '../../../../shared/model/micropub';

export type {
  Mf2Object,
  Mf2Properties,
  Mf2Value,
  MicropubConfig,
  MicropubFormat,
  MicropubSource,
  SyndicationTarget,
} from '../../../../shared/model/micropub';

/** A file carried in a multipart create when the blog has no media endpoint. */
export interface MicropubFile {
  property: 'photo' | 'video' | 'audio' | 'featured';
  filename: string;
  mimeType: string;
  data: Uint8Array;
}

/** What a create sends: `h-entry` or `h-event`, its properties, and files for a multipart request. */
export interface MicropubCreate {
  type: 'h-entry' | 'h-event';
  properties: Mf2Properties;
  files?: MicropubFile[];
}

export interface MicropubUpdate {
  replace?: Mf2Properties;
  add?: Mf2Properties;
  /** Property names to remove, or values to remove from properties. */
  delete?: string[] | Mf2Properties;
}

/** The action a request performs: also the scope it needs, named when the blog says it is missing. */
export type MicropubAction = 'create' | 'update' | 'delete' | 'undelete' | 'media' | 'read';
