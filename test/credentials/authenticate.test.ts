import type { IHttpRequestOptions } from 'n8n-workflow';

import { RoutedChatOpenRouterApi } from '../../credentials/RoutedChatOpenRouterApi.credentials';

/** What n8n's helper hands the credential for a request, as Routed Chat or another node sends it. */
async function authenticate(
	baseUrl: string,
	url: string,
	apiKey = 'sk-or-test',
): Promise<IHttpRequestOptions> {
	return await new RoutedChatOpenRouterApi().authenticate(
		{ apiKey, baseUrl },
		{ url, method: 'POST', headers: { accept: 'application/json' } },
	);
}

describe("the credential's authenticate", () => {
	it.each([
		['OpenRouter', 'https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1/chat/completions'],
		['a gateway on this machine', 'http://127.0.0.1:4000/v1', 'http://127.0.0.1:4000/v1/models'],
		[
			'another https host, for another node',
			'https://openrouter.ai/api/v1',
			'https://example.com/x',
		],
	])('adds the key to a request to %s', async (_, baseUrl, url) => {
		const options = await authenticate(baseUrl, url);
		expect(options.headers).toEqual({
			accept: 'application/json',
			Authorization: 'Bearer sk-or-test',
		});
		expect(options.url).toBe(url);
	});

	it('sends a key pasted with spaces or a line break around it without them', async () => {
		const options = await authenticate(
			'https://openrouter.ai/api/v1',
			'https://openrouter.ai/api/v1/models',
			' sk-or-test\n',
		);
		expect(options.headers).toEqual(
			expect.objectContaining({ Authorization: 'Bearer sk-or-test' }),
		);
	});

	it.each([
		['an http host off this machine', 'https://openrouter.ai/api/v1', 'http://example.com/v1/chat'],
		[
			'a host that only begins like the loopback Base URL',
			'http://localhost/v1',
			'http://localhost.example.com/v1/chat',
		],
		[
			'a host behind user info that looks like the Base URL',
			'http://127.0.0.1:4000',
			'http://127.0.0.1:4000@example.com/chat',
		],
	])('refuses %s, naming the request URL', async (_, baseUrl, url) => {
		await expect(authenticate(baseUrl, url)).rejects.toThrow(
			`Request URL "${url}" uses http://, which would send the API key in clear text`,
		);
	});

	it('refuses a Base URL that is not http(s), whatever the request', async () => {
		await expect(authenticate('ftp://example.com/v1', 'ftp://example.com/v1/chat')).rejects.toThrow(
			'Base URL "ftp://example.com/v1" is not an http(s) URL',
		);
	});
});
