export { scenarios } from './scenarios';
export { DEFAULT_API_KEY, startMockGateway } from './server';
export type {
	ChatMessage,
	ChatRequestBody,
	ChatRouting,
	Fault,
	GenerationBehaviour,
	MockGateway,
	MockGatewayOptions,
	MockModel,
	RecordedChatRequest,
	RecordedRequest,
} from './types';
