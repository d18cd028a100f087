import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode, INodeParameters } from 'n8n-workflow';

import { connect, runWorkflow, testCredential } from './harness';
import { builtIn } from './support';

function setField(name: string, value: string, type: 'number' | 'string'): INodeParameters {
	const assignments = [{ id: name, name, value, type }];
	return { mode: 'manual', includeOtherFields: true, assignments: { assignments } };
}

const isBig: INodeParameters = {
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
		combinator: 'and',
		conditions: [
			{
				id: 'big',
				leftValue: '={{ $json.doubled }}',
				rightValue: 5,
				operator: { type: 'number', operation: 'gt' },
			},
		],
	},
	options: {},
};

const json = (items: Array<{ json: unknown }> = []) => items.map((item) => item.json);

describe('workflow harness on n8n-core', () => {
	const branching = {
		nodes: [
			builtIn('Start', 'manualTrigger', 1),
			builtIn('Double', 'set', 3.4, setField('doubled', '={{ $json.n * 2 }}', 'number')),
			builtIn('Is big', 'if', 2.2, isBig),
			builtIn('Big', 'noOp', 1),
			builtIn('Small', 'noOp', 1),
		],
		connections: connect(
			['Start', 0, 'Double'],
			['Double', 0, 'Is big'],
			['Is big', 0, 'Big'],
			['Is big', 1, 'Small'],
		),
	};

	it('runs trigger → Set → If and reports each branch', async () => {
		const run = await runWorkflow(branching, { inputItems: [{ n: 1 }, { n: 4 }] });

		expect(run.status).toBe('success');
		expect(json(run.outputs.Start[0])).toEqual([{ n: 1 }, { n: 4 }]);
		expect(json(run.outputs.Double[0])).toEqual([
			{ n: 1, doubled: 2 },
			{ n: 4, doubled: 8 },
		]);
		expect(run.outputs['Is big'].map(json)).toEqual([
			[{ n: 4, doubled: 8 }],
			[{ n: 1, doubled: 2 }],
		]);
		expect(json(run.outputs.Big[0])).toEqual([{ n: 4, doubled: 8 }]);
		expect(json(run.outputs.Small[0])).toEqual([{ n: 1, doubled: 2 }]);
		expect(run.logs.some((line) => line.includes('Workflow execution started'))).toBe(true);
	});

	it('lets the manual trigger emit its own empty item when no input is given', async () => {
		const run = await runWorkflow({
			nodes: [builtIn('Start', 'manualTrigger', 1), builtIn('Next', 'noOp', 1)],
			connections: connect(['Start', 0, 'Next']),
		});

		expect(run.status).toBe('success');
		expect(json(run.outputs.Start[0])).toEqual([{}]);
		expect(json(run.outputs.Next[0])).toEqual([{}]);
	});

	describe('a node that fails on one item', () => {
		const failing = (onError?: INode['onError']) => ({
			nodes: [
				builtIn('Start', 'manualTrigger', 1),
				{
					...builtIn('To number', 'set', 3.4, setField('value', '={{ $json.n }}', 'number')),
					...(onError && { onError }),
				},
				builtIn('Ok', 'noOp', 1),
				builtIn('Failed', 'noOp', 1),
			],
			connections: connect(
				['Start', 0, 'To number'],
				['To number', 0, 'Ok'],
				['To number', 1, 'Failed'],
			),
		});
		const inputItems = [{ n: '3' }, { n: 'three' }];

		it('routes the failing item to output 1 under continueErrorOutput', async () => {
			const run = await runWorkflow(failing('continueErrorOutput'), { inputItems });

			expect(run.status).toBe('success');
			const [ok, failed] = run.outputs['To number'];
			expect(json(ok)).toEqual([{ n: '3', value: 3 }]);
			expect(failed).toHaveLength(1);
			expect(failed[0].json).toMatchObject({
				n: 'three',
				error: expect.stringContaining('number'),
			});
			expect(json(run.outputs.Ok[0])).toEqual([{ n: '3', value: 3 }]);
			expect(run.outputs.Failed[0]).toHaveLength(1);
		});

		it('keeps the failing item on output 0 under continueRegularOutput', async () => {
			const run = await runWorkflow(failing('continueRegularOutput'), { inputItems });

			expect(run.status).toBe('success');
			expect(run.outputs['To number']).toHaveLength(1);
			expect(json(run.outputs.Ok[0])).toEqual([
				{ n: '3', value: 3 },
				{ error: expect.stringContaining('number') },
			]);
		});

		it('stops the workflow and names the node without an error setting', async () => {
			const run = await runWorkflow(failing(), { inputItems });

			expect(run.status).toBe('error');
			expect(run.error).toMatchObject({
				node: 'To number',
				message: expect.stringContaining('number'),
			});
			expect(run.outputs.Ok).toBeUndefined();
		});
	});

	describe('credential test', () => {
		const seen: IncomingHttpHeaders[] = [];
		let server: Server;
		let baseUrl: string;

		beforeAll(async () => {
			server = createServer((request, response) => {
				seen.push(request.headers);
				const authorized =
					request.url === '/api/v1/key' && request.headers.authorization === 'Bearer sk-good';
				response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' });
				response.end(JSON.stringify(authorized ? { data: {} } : { error: { code: 401 } }));
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
		});
		afterAll(() => new Promise((resolve) => server.close(resolve)));

		it('sends the request with the credential applied, as n8n does', async () => {
			const data = {
				apiKey: 'sk-good',
				baseUrl,
				// This server plays OpenRouter, whose key the test checks on GET /key.
				gatewayType: 'openRouter',
				appUrl: 'https://example.com',
				appName: 'Harness',
			};

			expect(await testCredential('routedChatOpenRouterApi', data)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(seen.at(-1)?.authorization).toBe('Bearer sk-good');
			expect(
				await testCredential('routedChatOpenRouterApi', { ...data, apiKey: 'sk-bad' }),
			).toEqual({
				status: 'Error',
				message:
					'The key was refused (401): check the API Key, and that it belongs to the gateway at the Base URL',
			});
		});
	});
});
