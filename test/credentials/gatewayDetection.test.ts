import { RoutedChatOpenRouterApi } from '../../credentials/RoutedChatOpenRouterApi.credentials';
import { type GatewayType, speaksOpenRouter } from '../../nodes/RoutedChat/transport/baseUrl';

/** One field of the credential Test's request, resolved as n8n resolves its expression. */
function testRequestField(field: 'baseURL' | 'url', credentials: object): string {
	const template = String(new RoutedChatOpenRouterApi().test.request[field]);
	const expression = /^=\{\{(.*)\}\}$/s.exec(template)?.[1];
	if (!expression) throw new Error(`not an expression: ${template}`);
	return String(new Function('$credentials', `return (${expression});`)(credentials));
}

/**
 * The credential Test picks its endpoint by an n8n expression; the node picks its request fields by
 * speaksOpenRouter. Both must call the same Base URLs OpenRouter. The expression is plain
 * JavaScript over `$credentials`, evaluated here as such (n8n evaluates the same text).
 */
function testEndpoint(baseUrl: string, gatewayType: GatewayType): string {
	// The Base URL's query follows the endpoint (see below).
	return testRequestField('url', { baseUrl, gatewayType }).split('?')[0];
}

describe('Gateway detection, in the node and in the credential Test alike', () => {
	it.each([
		['https://openrouter.ai/api/v1', true],
		['https://openrouter.ai/api/v1/', true],
		['https://EU.OpenRouter.ai/api/v1?x=1', true],
		['https://openrouter.ai', true],
		['http://127.0.0.1:8787/api/v1', true],
		['http://127.0.0.1:8787/api/v1///', true],
		['  http://localhost:3000/api/v1  ', true],
		['http://[::1]:3000/api/v1', true],
		['http://127.0.0.1:8787/v1', false],
		['http://localhost:11434/v1', false],
		['http://127.0.0.1:8787/api/v1/chat', false],
		['https://api.venice.ai/api/v1', false],
		['https://notopenrouter.ai/api/v1', false],
		['https://openrouter.ai.example.com/v1', false],
		['https://api.openai.com/v1', false],
	])('auto: %j is OpenRouter: %s', (baseUrl, openRouter) => {
		expect(speaksOpenRouter(baseUrl, 'auto')).toBe(openRouter);
		expect(testEndpoint(baseUrl, 'auto')).toBe(openRouter ? '/key' : '/models');
	});

	it.each([
		['openRouter', 'https://gateway.example.com/v1', true],
		['openAiCompatible', 'https://openrouter.ai/api/v1', false],
	] as const)('%s decides whatever the Base URL (%s)', (type, baseUrl, openRouter) => {
		expect(speaksOpenRouter(baseUrl, type)).toBe(openRouter);
		expect(testEndpoint(baseUrl, type)).toBe(openRouter ? '/key' : '/models');
	});
});

describe("The credential Test's request, on the Base URL the node uses", () => {
	it.each([
		['', 'https://openrouter.ai/api/v1', '/key'],
		['  https://gateway.example.com/v1/  ', 'https://gateway.example.com/v1', '/models'],
		[
			'https://gateway.example.com/v1/?tenant=a#x',
			'https://gateway.example.com/v1',
			'/models?tenant=a',
		],
	])('%j: %s then %s', (baseUrl, base, endpoint) => {
		const credentials = { baseUrl, gatewayType: 'auto' };
		expect(testRequestField('baseURL', credentials)).toBe(base);
		expect(testRequestField('url', credentials)).toBe(endpoint);
	});
});
