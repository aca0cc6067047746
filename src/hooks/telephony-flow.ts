import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  addEndpointField,
  apiEndpoint,
  assign,
  compose,
  FlowBuilder,
  IdFactory,
  IfElse,
  jsonParse,
  oktaReadUser,
  rawRequest,
  returnRaw,
  throwIf,
  TryCatch,
} from '../flopack/builder/index.js';
import type { Flopack } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { errorResponse, successResponse } from './okta-response-cards.js';
import { planSend } from './twilio-send-plan.js';
import { branch } from './telephony-branch.js';

/**
 * `hook telephony`: the seed's flow (reference §1.9), rebuilt correctly: API Endpoint (client token) → Okta Read
 * User → If/Else on the opt-in attribute → WhatsApp or SMS form body → If Error { Twilio request; status >= 400
 * is an error } → Okta's command response or error object (reference §3.2) → Return Raw 200 JSON.
 * Differences from the published flow: the response `type` is the constant `com.okta.telephony.action` (the
 * original copied `requestType` into it), form values are URL-encoded, and the JSON is built as objects.
 */
export interface TelephonyFlowOptions {
  spec: ConnectorSpec;
  /** Boolean profile attribute that opts a user in to WhatsApp (default `whatsappOTP`). */
  optInAttribute?: string;
  smsFrom?: string;
  whatsappFrom?: string;
  /** Fills `${connection.accountSid}` in the base URL. */
  accountSid: string;
  /** The flopack's `created` stamp (default a fixed date: same input, same bytes). */
  created?: string;
}

export const DEFAULT_OPT_IN_ATTRIBUTE = 'whatsappOTP';
export const DEFAULT_SMS_FROM = '+15005550006';
export const DEFAULT_WHATSAPP_FROM = '+14155238886';
export const TELEPHONY_FLOW_NAME = 'Telephony Inline Hook';
/** Connection placeholders (`configs`): names `hook serve --connection-file` keys its values by. */
export const OKTA_CONFIG_NAME = 'Okta';

const FIXED_CREATED = '2024-01-01T00:00:00.000Z';
const DATA_TYPE = {
  userProfile: { type: { userId: { type: 'string', collection: false } }, collection: false },
  messageProfile: {
    type: {
      msgTemplate: { type: 'string', collection: false },
      phoneNumber: { type: 'string', collection: false },
      otpCode: { type: 'string', collection: false },
      deliveryChannel: { type: 'string', collection: false },
    },
    collection: false,
  },
};

export function generateTelephonyFolder(options: TelephonyFlowOptions): { flopack: Flopack; flowId: string } {
  const { spec } = options;
  const optIn = options.optInAttribute ?? DEFAULT_OPT_IN_ATTRIBUTE;
  const connection = { accountSid: options.accountSid };
  const whatsapp = planSend(spec, 'Send WhatsApp', {
    options: { from: options.whatsappFrom ?? DEFAULT_WHATSAPP_FROM },
    connection,
  });
  const sms = planSend(spec, 'Send Message', {
    options: { from: options.smsFrom ?? DEFAULT_SMS_FROM },
    connection,
  });

  const ids = new IdFactory();
  const ns = `hooks/telephony/${spec.name}`;
  const groupId = ids.uuid(`${ns}/group`);
  const flowId = ids.uuid(`${ns}/flow`);
  const oktaConfig = ids.uuid(`${ns}/config/okta`);
  const twilioConfig = ids.uuid(`${ns}/config/${spec.name}`);
  const flow = new FlowBuilder(ids, ns);

  const start = apiEndpoint(flow);
  const data = addEndpointField(start, 'data', DATA_TYPE);
  const userId = flow.path(data, ['userProfile', 'userId']);
  const phone = flow.path(data, ['messageProfile', 'phoneNumber']);
  const template = flow.path(data, ['messageProfile', 'msgTemplate']);
  const channel = flow.path(data, ['messageProfile', 'deliveryChannel']);
  const reader = oktaReadUser(
    flow,
    'read-user',
    userId,
    [
      { key: 'mobilePhone', type: 'string', displayname: 'Mobile phone' },
      {
        key: optIn,
        type: 'boolean',
        displayname: optIn === DEFAULT_OPT_IN_ATTRIBUTE ? 'WhatsApp OTP' : optIn,
      },
    ],
    oktaConfig,
  );
  // Hook values pass through an Assign: a pin from a hidden expand card orders it before its consumer, and a
  // consumer inside an If/Else branch must only be reached through the branch head.
  const hook = assign(
    flow,
    'hook-values',
    [
      { key: 'Phone Number', value: phone },
      { key: 'Message', value: template },
      { key: 'Delivery Channel', value: channel },
    ],
    'Hook request values',
  );
  flow.chain(start, reader.card, hook);

  const choice = new IfElse(flow, 'opt-in', {
    left: reader.profile[optIn]!,
    operator: '==',
    right: true,
    type: 'boolean',
  });
  flow.order(hook, choice.ifCard);
  const message = hook.output('Message');
  const viaWhatsApp = branch(
    flow,
    choice,
    true,
    whatsapp,
    { to: reader.profile.mobilePhone!, body: message },
    'WhatsApp',
  );
  const viaSms = branch(flow, choice, false, sms, { to: hook.output('Phone Number'), body: message }, 'SMS');
  const joined = {
    body: choice.value('Form Body', 'string', viaWhatsApp.output('Form Body'), viaSms.output('Form Body')),
    label: choice.value('Channel', 'string', viaWhatsApp.output('Channel'), viaSms.output('Channel')),
    key: choice.value(
      'Channel Key',
      'string',
      viaWhatsApp.output('Channel Key'),
      viaSms.output('Channel Key'),
    ),
    to: choice.value('Recipient', 'string', viaWhatsApp.output('Recipient'), viaSms.output('Recipient')),
  };

  const tc = new TryCatch(flow, 'send', 'If Error');
  flow.order(choice.join, tc.card);
  const tf = tc.tryFlow;
  const voice = throwIf(
    tf,
    'voice',
    { left: tc.wormhole(hook.output('Delivery Channel'), 'try'), operator: '==', right: 'voice call' },
    { statusCode: 400, message: 'This hook sends text messages only; Okta delivers voice call codes itself' },
    'Refuse voice calls',
  );
  const sent = rawRequest(
    tf,
    'twilio',
    {
      url: whatsapp.url,
      method: 'POST',
      query: {},
      headers: whatsapp.headers,
      body: tc.wormhole(joined.body, 'try'),
    },
    `${spec.displayName} ${whatsapp.action} or ${sms.action}`,
  );
  sent.model.config = twilioConfig;
  const parsed = jsonParse(
    tf,
    'twilio/parse',
    sent.output(HTTP_FIELDS.responseBody),
    'Parse provider response',
  );
  throwIf(
    tf,
    'twilio/check',
    { left: sent.output(HTTP_FIELDS.statusCode), operator: '>=', right: 400, type: 'number' },
    { statusCode: sent.output(HTTP_FIELDS.statusCode), message: tf.path(parsed, ['message']) },
    'Provider error',
  );
  const meta = compose(
    tf,
    'metadata',
    ['channel=', tc.wormhole(joined.key, 'try'), ';status=', tf.path(parsed, ['status'])],
    'Compose transaction metadata',
  );
  // PENDING: Twilio's create answers `queued`, so delivery is not confirmed (reference §3.2).
  const ok = successResponse(tf, {
    status: 'PENDING',
    provider: spec.displayName,
    transactionId: tf.path(parsed, ['sid']),
    transactionMetadata: meta,
  });
  const failed = errorResponse(tc.errorFlow, {
    channelLabel: tc.wormhole(joined.label, 'error'),
    recipient: tc.wormhole(joined.to, 'error'),
    reason: tc.errorFlow.path(tc.error, ['message']),
  });
  const response = tc.output('Response', 'string', ok, failed);
  void voice;
  tf.chainAll(tc.tryReturn);
  tc.errorFlow.chainAll(tc.errorReturn);

  const answer = returnRaw(flow, 'answer', {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: response,
  });
  flow.order(tc.card, answer);

  const flo = flow.build({
    id: flowId,
    name: TELEPHONY_FLOW_NAME,
    description:
      `Okta telephony inline hook: sends the one-time code by WhatsApp when the user's ${optIn} profile ` +
      `attribute is true, otherwise by SMS, through ${spec.displayName}, and answers in Okta's command format.`,
    group: groupId,
  });
  const flopack: Flopack = {
    type: 'flopack',
    version: '1.5.0',
    created: options.created ?? FIXED_CREATED,
    flags: { 'auto-transform': true, looseBooleans: true, looseStrings: true, looseNulls: true },
    data: {
      flos: { [flowId]: flo },
      configs: {
        [oktaConfig]: { id: oktaConfig, name: OKTA_CONFIG_NAME, module: 'okta', data: null },
        [twilioConfig]: { id: twilioConfig, name: spec.displayName, module: 'httpfunctions', data: null },
      },
      tables: {},
      groups: {
        [groupId]: {
          id: groupId,
          data: { name: 'Okta Telephony Hook', description: '', media_uri: '', path: '' },
        },
      },
    },
  };
  return { flopack, flowId };
}
