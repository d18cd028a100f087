/** The credential this node authenticates with; its name is part of saved workflows. */
export const CREDENTIAL_TYPE = 'routedChatOpenRouterApi';
