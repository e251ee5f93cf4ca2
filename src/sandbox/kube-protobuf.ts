/**
 * kubectl's typed clients (`kubectl create deployment`, `create namespace`,
 * `create service`) send built-in objects as protobuf: the magic `k8s\0`, then
 * a runtime.Unknown holding the object's own protobuf. This reads the fields a
 * learner's object carries (from k8s.io/api's generated.proto field numbers)
 * into the JSON the rest of the API works with; fields outside the schema are
 * skipped, as a server of an older version would.
 */

type Schema = { [field: number]: [name: string, type: FieldType] };
type FieldType =
  'string' | 'int' | 'bool' | 'bytes' | 'map' | 'quantityMap' | 'intOrString' | { message: Schema } | { repeated: FieldType };

const str = (name: string): [string, FieldType] => [name, 'string'];
const int = (name: string): [string, FieldType] => [name, 'int'];
const msg = (name: string, schema: () => Schema): [string, FieldType] => [
  name,
  {
    get message() {
      return schema();
    },
  } as { message: Schema },
];
const list = (name: string, type: FieldType): [string, FieldType] => [name, { repeated: type }];

const TYPE_META: Schema = { 1: str('apiVersion'), 2: str('kind') };
const UNKNOWN: Schema = { 1: msg('typeMeta', () => TYPE_META), 2: [`raw`, 'bytes'], 3: str('contentEncoding'), 4: str('contentType') };
const OBJECT_META: Schema = {
  1: str('name'),
  2: str('generateName'),
  3: str('namespace'),
  11: ['labels', 'map'],
  12: ['annotations', 'map'],
  14: list('finalizers', 'string'),
};
const LABEL_SELECTOR: Schema = { 1: ['matchLabels', 'map'] };
const CONTAINER_PORT: Schema = { 1: str('name'), 2: int('hostPort'), 3: int('containerPort'), 4: str('protocol') };
const ENV_VAR: Schema = { 1: str('name'), 2: str('value') };
const RESOURCES: Schema = { 1: ['limits', 'quantityMap'], 2: ['requests', 'quantityMap'] };
const CONTAINER: Schema = {
  1: str('name'),
  2: str('image'),
  3: list('command', 'string'),
  4: list('args', 'string'),
  5: str('workingDir'),
  6: list('ports', { message: CONTAINER_PORT }),
  7: list('env', { message: ENV_VAR }),
  8: msg('resources', () => RESOURCES),
  13: str('terminationMessagePath'),
  14: str('imagePullPolicy'),
  20: str('terminationMessagePolicy'),
};
const POD_SPEC: Schema = {
  2: list('containers', { message: CONTAINER }),
  3: str('restartPolicy'),
  4: int('terminationGracePeriodSeconds'),
  6: str('dnsPolicy'),
  7: ['nodeSelector', 'map'],
  8: str('serviceAccountName'),
  10: str('nodeName'),
  11: ['hostNetwork', 'bool'],
  20: list('initContainers', { message: CONTAINER }),
};
const TEMPLATE: Schema = { 1: msg('metadata', () => OBJECT_META), 2: msg('spec', () => POD_SPEC) };
const STRATEGY: Schema = { 1: str('type') };
const DEPLOYMENT_SPEC: Schema = {
  1: int('replicas'),
  2: msg('selector', () => LABEL_SELECTOR),
  3: msg('template', () => TEMPLATE),
  4: msg('strategy', () => STRATEGY),
  5: int('minReadySeconds'),
  6: int('revisionHistoryLimit'),
  9: int('progressDeadlineSeconds'),
};
const SERVICE_PORT: Schema = { 1: str('name'), 2: str('protocol'), 3: int('port'), 4: ['targetPort', 'intOrString'], 5: int('nodePort') };
const SERVICE_SPEC: Schema = {
  1: list('ports', { message: SERVICE_PORT }),
  2: ['selector', 'map'],
  3: str('clusterIP'),
  4: str('type'),
  5: list('externalIPs', 'string'),
  7: str('sessionAffinity'),
  10: str('externalName'),
};
const topLevel = (spec: Schema): Schema => ({ 1: msg('metadata', () => OBJECT_META), 2: msg('spec', () => spec) });
const KINDS: Record<string, Schema> = {
  Deployment: topLevel(DEPLOYMENT_SPEC),
  Pod: topLevel(POD_SPEC),
  Service: topLevel(SERVICE_SPEC),
  Namespace: { 1: msg('metadata', () => OBJECT_META) },
};

export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf[this.pos++];
      if (byte === undefined) throw new Error('truncated protobuf');
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  }
  bytes(): Buffer {
    const length = this.varint();
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

function decodeMessage(buf: Buffer, schema: Schema): Record<string, unknown> {
  const out: Record<string, any> = {};
  const reader = new Reader(buf);
  while (!reader.done()) {
    const tag = reader.varint();
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    const entry = schema[number];
    if (!entry) {
      reader.skip(wire);
      continue;
    }
    const [name, type] = entry;
    if (typeof type === 'object' && 'repeated' in type) {
      (out[name] ??= []).push(decodeValue(reader, wire, type.repeated));
    } else if (type === 'map' || type === 'quantityMap') {
      const pair = decodeMessage(reader.bytes(), {
        1: str('key'),
        2: type === 'map' ? str('value') : msg('value', () => ({ 1: str('string') })),
      });
      const value = type === 'map' ? pair.value : (pair.value as { string?: string } | undefined)?.string;
      (out[name] ??= {})[String(pair.key ?? '')] = value ?? '';
    } else {
      out[name] = decodeValue(reader, wire, type);
    }
  }
  return out;
}

function decodeValue(reader: Reader, wire: number, type: FieldType): unknown {
  if (type === 'int') return reader.varint();
  if (type === 'bool') return reader.varint() !== 0;
  if (wire !== 2) {
    reader.skip(wire);
    return undefined;
  }
  const bytes = reader.bytes();
  if (type === 'string') return bytes.toString('utf8');
  if (type === 'bytes') return bytes;
  if (type === 'intOrString') {
    const value = decodeMessage(bytes, { 1: int('type'), 2: int('intVal'), 3: str('strVal') });
    return value.type === 1 ? value.strVal : (value.intVal ?? 0);
  }
  if (typeof type === 'object' && 'message' in type) return decodeMessage(bytes, type.message);
  return undefined;
}

/** The JSON form of a protobuf request body; throws when it is not one of the kinds above. */
export function decodeKubeProtobuf(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(PROTOBUF_MAGIC)) throw new Error('not a Kubernetes protobuf body');
  const unknown = decodeMessage(body.subarray(4), UNKNOWN) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Buffer };
  const kind = unknown.typeMeta?.kind ?? '';
  const schema = KINDS[kind];
  if (!schema || !unknown.raw) throw new Error(`the sandbox cannot read a protobuf ${kind || 'object'}`);
  return { apiVersion: unknown.typeMeta?.apiVersion, kind, ...decodeMessage(unknown.raw, schema) };
}
