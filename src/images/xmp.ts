// Rights metadata in the web rendition given to staff: an XMP packet (xmpRights and the PLUS
// licensing vocabulary) in a JPEG APP1 segment, spliced in without re-encoding the image.

const XMP_SIGNATURE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const APP1 = 0xe1;
const APP0 = 0xe0;
/** A segment's length field counts itself and is 16 bits. */
const MAX_SEGMENT_PAYLOAD = 0xffff - 2;

export interface RightsMetadata {
  /** Usage terms in plain words. */
  usageTerms: string;
  /** PLUS model release status: limited (scoped) release, or none in force. */
  modelReleaseStatus: 'MR-LMR' | 'MR-NON';
  /** The release (and version) the terms come from. */
  modelReleaseId: string | null;
  /** When the release expires. */
  licenseEndDate: Date | null;
}

export function rightsXmpPacket(rights: RightsMetadata): string {
  const properties = [
    '<xmpRights:Marked>True</xmpRights:Marked>',
    `<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(rights.usageTerms)}</rdf:li></rdf:Alt></xmpRights:UsageTerms>`,
    `<plus:ModelReleaseStatus>http://ns.useplus.org/ldf/vocab/${rights.modelReleaseStatus}</plus:ModelReleaseStatus>`,
    rights.modelReleaseId
      ? `<plus:ModelReleaseID><rdf:Bag><rdf:li>${escapeXml(rights.modelReleaseId)}</rdf:li></rdf:Bag></plus:ModelReleaseID>`
      : '',
    rights.licenseEndDate ? `<plus:LicenseEndDate>${rights.licenseEndDate.toISOString()}</plus:LicenseEndDate>` : '',
  ].filter(Boolean);
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" ' +
    'xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">' +
    properties.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  );
}

/**
 * The JPEG with an XMP APP1 segment after its JFIF header (or right after the start marker). The
 * renditions carry no metadata of their own, so this is the only XMP in the file.
 */
export function withXmp(jpeg: Buffer, packet: string): Buffer {
  const payload = Buffer.concat([XMP_SIGNATURE, Buffer.from(packet, 'utf8')]);
  if (payload.length > MAX_SEGMENT_PAYLOAD) throw new RangeError('XMP packet too large for one APP1 segment');
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new TypeError('not a JPEG');
  let insertAt = 2;
  if (jpeg[2] === 0xff && jpeg[3] === APP0) insertAt = 4 + jpeg.readUInt16BE(4);
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, insertAt), header, payload, jpeg.subarray(insertAt)]);
}

/** Escaped for XML text, without the control characters XML 1.0 cannot carry at all. */
function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)
  );
}
