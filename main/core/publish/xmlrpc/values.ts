/**
 * XML-RPC values as JavaScript sees them. Numbers that must go out as <double> even when whole
 * are wrapped in XmlRpcDouble; everything else maps by its type.
 */
export type XmlRpcValue =
  | string
  | number
  | boolean
  | Date
  | Uint8Array
  | null
  | XmlRpcDouble
  | XmlRpcValue[]
  | { [name: string]: XmlRpcValue };

export class XmlRpcDouble {
  constructor(readonly value: number) {}
}

export type XmlRpcStruct = { [name: string]: XmlRpcValue };
