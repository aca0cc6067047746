/**
 * The flow kinds `generateConnector` gives the bundled Twilio connector, in order: helper, authping, the two flows of
 * Send Message's dynamic From dropdown, 5 actions, the page helper of List All Messages and that action, Delete
 * Message, CAPIA.
 */
export const TWILIO_FLOW_KINDS = [
  'helper',
  'authping',
  'values',
  'values',
  ...Array<string>(5).fill('action'),
  'page',
  'action',
  'action',
  // New Incoming Message (a webhook event): its registration flows, then the event flow.
  'registration',
  'deregistration',
  'webhook',
  'capia',
];
