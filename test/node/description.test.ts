import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { RoutedChatOpenRouterApi } from '../../credentials/RoutedChatOpenRouterApi.credentials';
import { RoutedChat } from '../../nodes/RoutedChat/RoutedChat.node';
import { RoutedChatModel } from '../../nodes/RoutedChatModel/RoutedChatModel.node';

type Field = INodeProperties & { path: string };

/** Every field a user can meet in the panel, nested ones included, with where it sits. */
function fields(properties: INodeProperties[], parent = ''): Field[] {
	return properties.flatMap((property) => {
		const path = parent ? `${parent}.${property.name}` : property.name;
		const own = { ...property, path };
		if (property.type === 'collection')
			return [own, ...fields(property.options as INodeProperties[], path)];
		if (property.type === 'fixedCollection') {
			const groups = property.options as INodePropertyCollection[];
			return [own, ...groups.flatMap((group) => fields(group.values, `${path}.${group.name}`))];
		}
		return [own];
	});
}

describe('the node panel as a first-time user reads it', () => {
	const all = fields(new RoutedChat().description.properties);

	it('says what every field does', () => {
		const silent = all
			.filter((field) => field.type !== 'notice')
			.filter((field) => !field.description && !field.hint)
			.map((field) => field.path);
		expect(silent).toEqual([]);
	});

	it('gives every free-text field that starts empty an example', () => {
		const bare = all
			.filter((field) => field.type === 'string' && field.default === '')
			.filter((field) => !field.placeholder?.startsWith('e.g. '))
			.map((field) => field.path);
		expect(bare).toEqual([]);
	});

	it('gives the model lists a few rows, as their help speaks of new lines', () => {
		const rows = ['cheapModels', 'strongModels', 'fallbackModels'].map(
			(name) => all.find((field) => field.name === name)?.typeOptions?.rows,
		);
		expect(rows).toEqual([3, 3, 3]);
	});

	it('spells units in labels the way they read, never "(Ms)"', () => {
		expect(all.filter((field) => field.displayName.includes('(Ms)'))).toEqual([]);
	});

	it('names the credential in the README as the editor does', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain(`**${new RoutedChatOpenRouterApi().displayName}**`);
	});
});

describe("Routed Chat Model's Options", () => {
	it("offer every option of a single call that Routed Chat has, and none of a whole run's", () => {
		const options = new RoutedChatModel().description.properties.find(
			(property) => property.name === 'options',
		)?.options as INodeProperties[];

		// What Routed Chat has beyond a single call's options applies to a whole run or to its own item.
		const runWide = [
			'concurrency',
			'costSummary',
			'deadlineMs',
			'fallbackDrill',
			'generationStats',
			'includeRaw',
			'maxCostPerExecutionUsd',
			'maxCostPerItemUsd',
			'streamResponse',
			'toolChoice',
			'toolChoiceName',
			'toolsJson',
		];
		const routedChat = new RoutedChat().description.properties.find(
			(property) => property.name === 'options',
		)?.options as INodeProperties[];
		expect(options.map((option) => option.name).sort()).toEqual(
			routedChat
				.map((option) => option.name)
				.filter((name) => !runWide.includes(name))
				.sort(),
		);
	});
});
