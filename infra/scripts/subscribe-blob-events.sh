#!/bin/sh
# azd postdeploy hook: subscribes the blob trigger to BlobCreated events on the articles container.
# It runs after the deploy because Event Grid validates the webhook when the subscription is created, and the
# blobs_extension system key in its URL exists only once the deployed host has started. The key is read by
# listKeys inside the deployment (infra/app/blob-event-subscription.bicep): it never passes through this shell.
set -eu

cd "$(dirname "$0")/../.."

attempt=1
until az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name blob-event-subscription \
  --template-file infra/app/blob-event-subscription.bicep \
  --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    containerName="$ARTICLES_CONTAINER_NAME" \
    functionName="$BLOB_TRIGGER_FUNCTION_NAME" \
  --output none
do
  # The host creates the key on its first start after the deploy; give it a few chances.
  if [ "$attempt" -ge 5 ]; then
    echo "Could not subscribe $BLOB_TRIGGER_FUNCTION_NAME to blob events after $attempt attempts." >&2
    exit 1
  fi
  echo "Waiting for the function host to create its blobs_extension key (attempt $attempt)..."
  attempt=$((attempt + 1))
  sleep 30
done

echo "Subscribed $BLOB_TRIGGER_FUNCTION_NAME to BlobCreated events on container $ARTICLES_CONTAINER_NAME."
