/** The flow kinds `generateConnector` gives the bundled Twilio connector, in order: helper, authping, 6 actions, CAPIA. */
export const TWILIO_FLOW_KINDS = ['helper', 'authping', ...Array<string>(6).fill('action'), 'capia'];
