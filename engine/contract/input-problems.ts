import type { z } from 'zod';
import { BerthError, type BerthErrorParams, type BerthErrorShape } from './errors.js';
import { envProblemText, type EnvProblemCode } from './env.js';
import { mountProblemText, type MountProblemCode } from './mounts.js';
import { portProblemText, type PortProblemCode } from './ports.js';
import { referenceProblemText, type ReferenceProblemCode } from './reference.js';

/**
 * What is wrong with an input, as a code the renderer words (`problems.input.<code>` in
 * renderer/src/i18n/{en,ko}/problems.ts) and, here, in plain English for the trusted side's logs, the
 * web host's HTTP refusals and the CLI. Every message in schemas.ts is one of these codes (the zod
 * issue's `message` IS the code: `.min(2, problem('containerNameTooShort'))`), so no English
 * sentence of Berth's own crosses the contract to the person's screen.
 *
 * Templates fill `{{param}}` from the zod issue: `minimum` (too_small), `maximum` (too_big),
 * `values` (an enum's choices), `keys` (unknown fields). The last group words zod's own issues where
 * a schema gives no message (e.g. `.max(256)`), so those reach a Korean reader in Korean too.
 */
const inputMessages = {
  containerRefEmpty: 'A container id or name is required.',
  containerRefTooLong: 'A container id or name is at most {{maximum}} characters.',
  containerRefPattern: 'A container is named by its id (hex digits) or its name (letters, digits, "_", "." or "-").',
  projectRefEmpty: 'Name a Compose project.',
  projectRefTooLong: 'A Compose project name is at most {{maximum}} characters.',
  projectRefPattern: 'A Compose project name uses letters, digits, "_", "." or "-", e.g. shop.',
  volumeRefEmpty: 'Name a volume.',
  volumeRefTooLong: 'A volume name is at most {{maximum}} characters.',
  volumeRefPattern: 'A volume name uses letters, digits, "_", "." or "-", e.g. app-data.',
  imageRefEmpty: 'Name an image.',
  imageRefTooLong: 'An image id or name is at most {{maximum}} characters.',
  imageRefPattern: 'An image is named like nginx:1.27 or by its id (sha256:…).',
  imageRefDotDot: 'An image name has no ".." parts.',
  networkRefEmpty: 'Name a network.',
  networkRefTooLong: 'A network name is at most {{maximum}} characters.',
  networkRefPattern: 'A network name uses letters, digits, "_", "." or "-", e.g. app-net.',
  containerNameTooShort: 'A container name has at least {{minimum}} characters, e.g. "web-1".',
  containerNameTooLong: 'A container name is at most {{maximum}} characters.',
  containerNamePattern: 'A container name starts with a letter or digit and then uses only letters, digits, "_", "." or "-", e.g. "web-1".',
  containersNoneSelected: 'Select at least one container.',
  containersTooMany: 'At most {{maximum}} containers can be changed at once.',
  containerAction: 'The action must be one of: {{values}}.',
  resumeTime: 'A resume time is Unix seconds with nine decimals, e.g. 1700000000.000000000.',
  tailWhole: 'Tail is a whole number of lines.',
  tailTooSmall: 'Tail is {{minimum}} lines or more.',
  tailTooBig: 'Tail is at most {{maximum}} lines.',
  logsSince: 'Since is one of: {{values}}.',
  mergeNone: 'Pick at least one container.',
  mergeTooMany: 'Merge at most {{maximum}} containers at once.',
  pathTooLong: 'A path is at most {{maximum}} characters.',
  pathAbsolute: 'A path starts with "/", e.g. /data/report.txt.',
  pathDotDot: 'A path cannot step up with "..".',
  fileNameEmpty: 'A file needs a name.',
  fileNameTooLong: 'A file name is at most {{maximum}} bytes.',
  fileNamePlain: 'A file name has no "/" and is not "." or "..".',
  deleteVolumeRoot: 'Pick a file or folder inside the volume, not the volume itself.',
  imagesNoneSelected: 'Select at least one image.',
  imagesTooMany: 'At most {{maximum}} images can be removed at once.',
  registryServer: 'A registry is a host name with an optional port, e.g. docker.io, registry.example.com:5000 or [::1]:5000.',
  usernameEmpty: 'Type your user name.',
  passwordEmpty: 'Type your password or access token.',
  pruneMode: 'Prune removes "dangling" images or all "unused" ones.',
  hostPortNumber: 'The host port is a whole number from 1 to 65535.',
  volumeNamePattern: 'A volume name starts with a letter or digit and uses letters, digits, "_", "." or "-", e.g. app-data.',
  portsTooMany: 'At most {{maximum}} port mappings.',
  mountsTooMany: 'At most {{maximum}} volumes.',
  envTooMany: 'At most {{maximum}} environment variables.',
  commandNul: 'A command word cannot hold a NUL character.',
  restartPolicy: 'Restart is one of: {{values}}.',
  memoryLimit: 'A memory limit is a whole number of bytes, 0 for none.',
  cpuLimit: 'A CPU limit is a number of CPUs, e.g. 1.5, 0 for none.',
  editMode: 'An edit applies, duplicates or recreates.',
  ipAddress: 'An IP address, e.g. 127.0.0.1 or ::1.',
  labelKey: 'A label key uses letters, digits, ".", "_", "/" and "-", e.g. com.example.team.',
  volumeDriver: 'A driver name is like local.',
  volumesNoneSelected: 'Select at least one volume.',
  networkNamePattern: 'A network name starts with a letter or digit and uses letters, digits, "_", "." or "-", e.g. app-net.',
  subnet: 'A subnet is an IPv4 network with a prefix, e.g. 172.28.0.0/16.',
  terminalColumnsTooFew: 'A terminal is at least {{minimum}} column wide.',
  terminalColumnsTooMany: 'A terminal is at most {{maximum}} columns wide.',
  terminalRowsTooFew: 'A terminal is at least {{minimum}} row tall.',
  terminalRowsTooMany: 'A terminal is at most {{maximum}} rows tall.',
  terminalSession: 'A terminal session is named by the id Berth gave it when it opened.',
  terminalPasteTooLong: 'Paste at most 64 KiB at a time into a terminal.',
  engineId: 'An engine is named by the 12-character id Berth gave it; pick one from the Engine view.',
  engineName: 'An engine name starts with a letter or digit and then uses letters, digits, "_", ".", "+" or "-" (at least 2 characters), e.g. build-server.',
  engineNameReserved: '"default" is the docker CLI’s own context; choose another name.',
  engineAddress: 'An engine address is tcp://host:port, ssh://user@host or unix:///path/to/docker.sock.',
  engineTlsPath: 'A TLS file is an absolute path, e.g. /home/me/.docker/ca.pem.',
  sshFingerprint: 'A host key fingerprint is OpenSSH’s SHA256 form, e.g. SHA256:PfT5zSb+gVUiNR0AG2ZbQXE4cxH1jcWS89cz/HKAT7g.',
  sshPassphraseEmpty: 'Type the key’s passphrase.',
  sshPassphraseTooLong: 'A passphrase is at most {{maximum}} characters.',
  buildContext: 'The build folder is an absolute path on the engine’s machine, e.g. /home/me/app.',
  buildArgName: 'A build argument name uses letters, digits and "_".',
  cpusWhole: 'CPUs are a whole number, such as 2.',
  cpusTooFew: 'The VM needs at least {{minimum}} CPU.',
  cpusTooMany: 'At most {{maximum}} CPUs.',
  memoryWhole: 'Memory is a whole number of MiB, such as 2048.',
  memoryTooSmall: 'The VM needs at least {{minimum}} MiB of memory.',
  memoryTooBig: 'At most {{maximum}} MiB of memory.',
  diskWhole: 'Disk size is a whole number of GiB, such as 20.',
  diskTooSmall: 'The VM’s disk must be at least {{minimum}} GiB.',
  diskTooBig: 'At most {{maximum}} GiB of disk.',
  transferId: 'A transfer id is 8 to 64 letters, digits or "-", e.g. a UUID.',
  commitChange: 'A --change line is one Dockerfile instruction docker commit accepts: CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, USER, VOLUME or WORKDIR, e.g. CMD ["httpd", "-f"].',
  commitMessageTooLong: 'A commit message is at most {{maximum}} characters.',
  commitAuthorTooLong: 'An author is at most {{maximum}} characters.',
  imagesToSaveNone: 'Choose at least one image to save.',
  composeFilePath: 'A Compose file is an absolute path on the engine’s machine, e.g. /home/me/app/compose.yaml.',
  composeFilesNone: 'Pick a Compose file.',
  composeFilesTooMany: 'At most {{maximum}} files.',
  composeProjectName: 'A project name uses lowercase letters, digits, "_" and "-", and starts with a letter or digit, e.g. shop.',
  composeServiceName: 'Name one service (letters, digits, ".", "_" or "-") for a per-service action, and none otherwise.',
  composeAction: 'The Compose action is one of: {{values}}.',
  // zod's own issues, where a schema names no code of its own.
  textTooShort: 'This needs at least {{minimum}} characters.',
  textTooLong: 'This is at most {{maximum}} characters.',
  numberTooSmall: 'This is at least {{minimum}}.',
  numberTooBig: 'This is at most {{maximum}}.',
  tooFewItems: 'Give at least {{minimum}}.',
  tooManyItems: 'Give at most {{maximum}}.',
  notWholeNumber: 'This is a whole number.',
  wrongType: 'This value has the wrong type.',
  notOneOf: 'This is one of: {{values}}.',
  badFormat: 'This is not in the expected form.',
  unknownKeys: 'These fields are not known: {{keys}}.',
  invalid: 'This value is not valid.',
} as const satisfies Record<string, string>;

export type InputProblemCode = keyof typeof inputMessages;
export const inputProblemCodes = Object.keys(inputMessages) as InputProblemCode[];

/** The code as a schema message: typed, so a misspelt code fails typecheck instead of reaching the UI. */
export function problem(code: InputProblemCode): InputProblemCode {
  return code;
}

function isInputProblemCode(text: string): text is InputProblemCode {
  return Object.hasOwn(inputMessages, text);
}

/** Values a problem's words are filled with: numbers, names, lists of names. */
export type InputProblemParams = Record<string, string | number | readonly string[]>;

/**
 * One problem with an input: `key` names its words under `problems.` in the catalogs
 * (`input.containerNameTooShort`, `port.hostPort`, `mount.volumeName`, `env.noValue`,
 * `reference.uppercase`), `params` fill them, `field` is the dotted path it is about ("name",
 * "ports.0"; '' for the whole value).
 */
export interface InputProblem {
  key: string;
  params: InputProblemParams;
  field: string;
  /** English, for the trusted side: the code's template, or a message no code names (another schema's). */
  message: string;
}

/** The catalogs that word custom issues from the parsers (schemas.ts puts `params.problem` on them). */
const parserTexts: Record<string, (code: string, params: Record<string, string | number>) => string> = {
  port: (code, params) => portProblemText({ ok: false, code: code as PortProblemCode, params: params as Record<string, string> }),
  mount: (code, params) => mountProblemText({ code: code as MountProblemCode, params: params as Record<string, string> }),
  env: (code, params) => envProblemText({ code: code as EnvProblemCode, params }),
  reference: (code, params) => referenceProblemText(code as ReferenceProblemCode, params),
};

/** The issue a custom issue from a parser carries: `params.problem` is `<kind>.<code>`. */
export function parserIssueParams(kind: 'port' | 'mount' | 'env' | 'reference', code: string, params: Record<string, string | number>) {
  return { ...params, problem: `${kind}.${code}` };
}

/** The first issue zod found, as a problem with a catalog key; zod's own nesting is opened. */
export function issueProblem(issue: z.core.$ZodIssue): InputProblem {
  const field = issue.path.map(String).join('.');
  // A record's key or a map's element carries its own issues: the person needs the inner one.
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues[0]) {
    const inner = issueProblem(issue.issues[0]);
    return { ...inner, field: [field, inner.field].filter(Boolean).join('.') };
  }
  if (issue.code === 'custom' && typeof issue.params?.problem === 'string') {
    const { problem: key, ...params } = issue.params as { problem: string } & Record<string, string | number>;
    const [kind = '', code = ''] = key.split('.');
    const english = parserTexts[kind];
    return { key, params, field, message: english ? english(code, params) : issue.message };
  }
  const params = issueParams(issue);
  if (isInputProblemCode(issue.message)) return { key: `input.${issue.message}`, params, field, message: fill(inputMessages[issue.message], params) };
  // A message from a schema outside schemas.ts stays the English; the catalogs word its kind.
  return { key: `input.${zodIssueCode(issue)}`, params, field, message: issue.message };
}

/** The first problem with a value, or undefined when it is valid. */
export function firstInputProblem(schema: z.ZodType, value: unknown): InputProblem | undefined {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue && issueProblem(issue);
}

/**
 * A refused value as the error the renderer words (renderer/src/ui/errorText.ts): INVALID_INPUT,
 * reason `inputProblem`, params `{ problem, field, ...its own }`, the English as `message`.
 */
export function inputRefusal(found: InputProblem): BerthErrorShape & { reason: 'inputProblem'; params: BerthErrorParams } {
  const params = { ...found.params, problem: found.key, ...(found.field ? { field: found.field } : {}) };
  return { code: 'INVALID_INPUT', message: found.message, reason: 'inputProblem', params };
}

/** The same, to throw where a failure travels as a BerthError (a transfer's, a desktop call's). */
export function inputRefusalError(found: InputProblem): BerthError {
  const { message, reason, params } = inputRefusal(found);
  return new BerthError('INVALID_INPUT', message, undefined, { reason, params });
}

function issueParams(issue: z.core.$ZodIssue): InputProblemParams {
  switch (issue.code) {
    case 'too_small':
      return { minimum: Number(issue.minimum) };
    case 'too_big':
      return { maximum: Number(issue.maximum) };
    case 'invalid_value':
      return { values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { keys: issue.keys };
    default:
      return {};
  }
}

/** Generic words for zod's own issues, by kind and, for sizes, by what was measured. */
function zodIssueCode(issue: z.core.$ZodIssue): InputProblemCode {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'textTooShort' : issue.origin === 'array' || issue.origin === 'set' ? 'tooFewItems' : 'numberTooSmall';
    case 'too_big':
      return issue.origin === 'string' ? 'textTooLong' : issue.origin === 'array' || issue.origin === 'set' ? 'tooManyItems' : 'numberTooBig';
    case 'invalid_type':
      return issue.expected === 'int' ? 'notWholeNumber' : 'wrongType';
    case 'invalid_value':
      return 'notOneOf';
    case 'invalid_format':
      return 'badFormat';
    case 'unrecognized_keys':
      return 'unknownKeys';
    default:
      return 'invalid';
  }
}

/** Numbers with thousands separators (1,000), lists joined with commas: the same in both languages. */
export function problemValues(params: InputProblemParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString('en-US') : Array.isArray(v) ? v.join(', ') : String(v)]),
  );
}

function fill(template: string, params: InputProblemParams): string {
  const values = problemValues(params);
  return template.replace(/{{(\w+)}}/g, (whole, name: string) => values[name] ?? whole);
}

/** The English template of every code, for the catalog test (renderer/src/i18n/catalogs.test.ts). */
export function inputProblemTemplate(code: InputProblemCode): string {
  return inputMessages[code];
}
