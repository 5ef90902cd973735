/**
 * Error texts of AddTagsToResource, RemoveTagsFromResource and ListTagsForResource.
 *   [doc]        AWS documentation;
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 * (InvalidResourceId, InvalidResourceType and TooManyTagsError have no message member in the model;
 * AWS sends them with a short message, which the SDKs expose as the error's message.)
 */

/** [unverified] InvalidResourceId. */
export const invalidResourceId = () => 'The resource ID is not valid. Verify that you entered the correct ID and try again.';

/** [doc] InvalidResourceType's documentation. */
export const invalidResourceType = () =>
  "The resource type isn't valid. For example, if you are attempting to tag an EC2 instance, the instance must be a registered managed node.";

/** [unverified] TooManyTagsError. */
export const tooManyTags = (max: number) => `The resource can have at most ${max} tags. Remove one or more tags and try again.`;

/** [unverified] a tag key with the reserved aws: prefix. */
export const reservedKey = (key: string) => `Tag keys beginning with "aws:" are reserved for AWS use and can't be added or removed: ${key}.`;
