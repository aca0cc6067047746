import { toText } from '../../semantics/values.js';
import { channelCard } from '../definition.js';
import { FINISH, SOURCES, kernelEnvelope } from '../envelope.js';
import { HTTP_FIELDS, buildRequest, responseOutputs } from './request.js';

/**
 * HTTP Raw Request (`root:channels:http:httpfunctions:1.0.11:raw`, reference §1.7), copied from
 * make_api_requests_http_card. Any status is a result, not an error; only a transport failure or timeout fails
 * the card. `model.config` stays null: no connection is exported (§1.11).
 */
export const rawRequestCard = channelCard('httpfunctions:raw', 'HTTP › Raw Request', {
  envelope: kernelEnvelope(null, SOURCES.http, {
    channel: { version: '1.0.11', versionId: 216, channelId: 72, partnerChannelKeys: 65, metadataId: 11851 },
    async: true,
    executable: true,
    policy: FINISH,
    inputs: {
      extensible: false,
      rules: {},
      groupRules: { Request: { extensible: false, reserved: {}, index: 0, type: 'object' } },
    },
    outputs: {
      extensible: false,
      rules: {},
      groupRules: { Response: { extensible: false, reserved: {}, index: 0, type: 'object' } },
    },
    tail: {
      display: {},
      comments:
        'Perform a raw HTTP request, with complete control over the request and the response. Useful for calling XML services, and other advanced HTTP usage.',
      enableNewMetadata: true,
    },
  }),
  fields: HTTP_FIELDS,
  run: async (ctx) => {
    const method = (toText(ctx.inputs[HTTP_FIELDS.method.key]).trim() || 'GET').toUpperCase();
    const res = await ctx.http(buildRequest(ctx, method, false));
    return { outputs: responseOutputs(res, res.body), httpStatus: res.status };
  },
});
