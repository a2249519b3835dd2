export { InfluencemartClient, signatureFor, type ApiResponse, type ClientOptions, type RequestOptions } from './client.ts';
